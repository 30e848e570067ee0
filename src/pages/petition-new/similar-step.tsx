import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { PetitionCard, petitionUrl } from '../../components/petition-card';
import { useSubmit } from '../../hooks/use-submit';
import type { PetitionView } from '../../shared/contract/petition-view';
import { afterPetitionFailure } from '../../utils/petition-hints';

interface Props {
  items: PetitionView[];
  /** The caller may co-sign (a resident); a grid worker filing for someone only looks. */
  canCosign: boolean;
  filing: boolean;
  onFile: () => void;
  onBack: () => void;
}

/**
 * Before filing: the same kind of problem already reported nearby and still open. Backing one (我也遇到)
 * counts the neighbour in and brings its progress to them, instead of a duplicate case for the grid.
 */
export function SimilarStep({ items, canCosign, filing, onFile, onBack }: Props) {
  const cosign = useSubmit('petition.cosign');
  const failure = cosign.failure;

  async function backing(id: string) {
    const reply = await cosign.submit({ petitionId: id });
    if (!reply?.ok) return;
    void Taro.showToast({ title: '已附议', icon: 'success' });
    void Taro.redirectTo({ url: petitionUrl(id) });
  }

  return (
    <View className="similar">
      <View className="similar__head">
        <Text className="similar__title">附近已有 {items.length} 条同类问题正在办理</Text>
        <Text className="similar__text">如果是同一件事，点「我也遇到」附议，不用重复提交，办理进展会同样通知你。</Text>
      </View>
      {failure && (
        <View className="banner-error" data-code={failure.code}>
          {failure.message} {afterPetitionFailure(failure.code).hint ?? ''}
        </View>
      )}
      {items.map((p) => (
        <PetitionCard key={p.id} petition={p} href={petitionUrl(p.id)}>
          {p.cosigned ? (
            <Text className="similar__done">你已附议</Text>
          ) : (
            canCosign && (
              <ActionButton size="small" busy={cosign.submitting} onClick={() => void backing(p.id)}>
                我也遇到
              </ActionButton>
            )
          )}
        </PetitionCard>
      ))}
      <View className="similar__actions">
        <ActionButton kind="default" busy={filing} disabled={cosign.submitting} onClick={onFile}>
          不是同一件事，继续提交
        </ActionButton>
        <Text className="similar__back" onClick={onBack}>
          返回修改
        </Text>
      </View>
    </View>
  );
}
