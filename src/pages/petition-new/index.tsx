import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormErrorBanner, FormField } from '../../components/form-field';
import { PageShell } from '../../components/page-shell';
import { petitionUrl } from '../../components/petition-card';
import { PhotoPicker, uploaded, type Photo } from '../../components/photo-picker';
import { parentsFrom, proxyFrom, ProxyFields, proxyInput, type Proxy } from '../../components/proxy-fields';
import { ErrorView, Loading } from '../../components/state-view';
import { useFieldErrors } from '../../hooks/use-field-errors';
import { useMe } from '../../hooks/use-me';
import { usePetitionCategories } from '../../hooks/use-petition-categories';
import { useRemote } from '../../hooks/use-remote';
import { useSimilarPetitions } from '../../hooks/use-similar-petitions';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { petitionCreate, type Input as ActionInput } from '../../shared/contract';
import type { Urgency } from '../../shared/domain/petition-ladder';
import { formErrors, lengthCount } from '../../utils/form-errors';
import { afterPetitionFailure } from '../../utils/petition-hints';
import { buildingChoice, firstPlace, gridsOffered, locationInput, type Place } from '../../utils/petition-place';
import { CategoryField } from './category-field';
import { LocationField } from './location-field';
import { SimilarStep } from './similar-step';
import './index.scss';

const urgencyChoices: { value: Urgency; label: string; note: string }[] = [
  { value: 'normal', label: '一般', note: '网格 24 小时内受理' },
  { value: 'urgent', label: '紧急', note: '有安全隐患，2 小时内受理' },
];

/** 我要反映: what, where, how urgent; open cases of the same kind nearby are offered first (我也遇到). */
function PetitionNewPage() {
  const { params } = useRouter();
  const me = useMe();
  const categories = usePetitionCategories();
  const places = useRemote(() => call('petition.places', {}));
  const [categoryId, setCategoryId] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [place, setPlace] = useState<Place | null>(null);
  // 我的 → 红色代办 opens the form already filing for someone else; 我的家庭 → 为TA反映问题, for that parent.
  const parents = parentsFrom(params);
  const [proxy, setProxy] = useState<Proxy>(() => proxyFrom(params, parents));
  const [reviewing, setReviewing] = useState(false);
  const create = useSubmit('petition.create');

  const home = { gridId: me.data?.gridId ?? null, buildingId: me.data?.buildingId ?? null };
  const where: Place = place ?? firstPlace(home);
  const grids = gridsOffered(places.data?.grids ?? [], proxy.on ? home.gridId : null);
  const buildingId = where.kind === 'building' ? (buildingChoice(where, grids).building?.id ?? null) : null;
  const category = categories.data?.categories.find((c) => c.id === categoryId);
  const point = where.kind === 'point' ? where.fix : null;
  const similar = useSimilarPetitions(categoryId, buildingId, point, category?.private ?? false);
  const { fileIDs, uploading } = uploaded(photos);
  const isGridWorker = me.data?.roles.includes('grid_worker') ?? false;
  const organiser = isGridWorker || (me.data?.roles.includes('staff') ?? false);
  // A helper's parent, or a resident preselected from a visit, is filed for at their home: the function places it,
  // the form asks no place.
  const atHome = proxy.on && (proxy.parent !== null || (proxy.residentId !== null && proxy.picked !== null));
  const isResident = me.data?.roles.includes('resident') ?? false;
  // The tap on 提交 must not wait for the lookup (WeChat asks consent only straight from a tap): it waits here.
  const looking = Boolean(categoryId) && similar.state === 'loading';

  const at = locationInput(where, grids, process.env.TARO_ENV === 'weapp');
  const onBehalfOf = proxyInput(proxy);
  const payload = {
    categoryId,
    description,
    photos: fileIDs,
    urgency,
    ...('location' in at && !atHome ? { location: at.location } : {}),
    ...(onBehalfOf ? { onBehalfOf } : {}),
  };
  const issues = formErrors(petitionCreate.input, payload);
  // A place not picked yet is said the way the place field asks for it, not as the schema's "required".
  if ('missing' in at && !atHome) issues.location = at.missing;
  const errors = useFieldErrors(issues, create.fieldErrors);

  // A resident picked from the roster is filed for at their building (the function places it there too).
  function pickProxy(next: Proxy) {
    if (next.picked && next.picked.id !== proxy.picked?.id)
      setPlace({ kind: 'building', gridId: next.picked.gridId, buildingId: next.picked.buildingId, detail: '' });
    setProxy(next);
  }

  function file() {
    if (!errors.check()) return setReviewing(false);
    void create.submit(payload as ActionInput<'petition.create'>).then((reply) => {
      if (!reply) return;
      if (!reply.ok) return setReviewing(false);
      void Taro.showToast({ title: '已提交', icon: 'success' });
      void Taro.redirectTo({ url: petitionUrl(reply.data.petition.id) });
    });
  }

  // An invalid form neither shows the similar cases nor asks for notice consent: it shows what to fix.
  function onSubmit() {
    if (!errors.check()) return;
    if (!reviewing && (similar.data?.items.length ?? 0) > 0) setReviewing(true);
    else file();
  }

  if (!me.data || !categories.data) {
    const failed = me.state === 'error' ? me : categories.state === 'error' ? categories : null;
    return <PageShell>{failed ? <ErrorView error={failed.error} onRetry={failed.reload} /> : <Loading />}</PageShell>;
  }

  if (reviewing && similar.data) {
    return (
      <PageShell className="petition-new">
        <SimilarStep
          items={similar.data.items}
          canCosign={isResident && !proxy.on}
          filing={create.submitting}
          onFile={file}
          onBack={() => setReviewing(false)}
        />
      </PageShell>
    );
  }

  const failure = create.failure;
  // A refusal over fields is shown by the fields; its banner goes once they are all edited.
  const showFailure = failure && errors.all.length === 0 && (failure.code !== 'BAD_INPUT' || Object.keys(create.fieldErrors).length > 0);
  const hint = failure ? afterPetitionFailure(failure.code).hint : null;
  return (
    <PageShell className="petition-new">
      <Text className="petition-new__intro">身边的问题告诉网格员：24 小时内受理，办不了的逐级吹哨上报，7 天内给你答复。</Text>
      <FormErrorBanner errors={errors.all} />
      {showFailure && (
        <View className="banner-error" data-code={failure.code}>
          {failure.message}
          {hint ? ` ${hint}` : ''}
        </View>
      )}
      <View className="petition-new__form">
        {(organiser || parents.length > 0) && (
          <ProxyFields
            value={proxy}
            organiser={organiser}
            byNameAllowed={isGridWorker}
            parents={parents}
            verb="反映问题"
            errorOf={errors.of}
            onBlur={() => errors.touch('onBehalfOf')}
            onChange={pickProxy}
          />
        )}
        <CategoryField categories={categories.data.categories} value={categoryId} error={errors.of('categoryId')} onChange={setCategoryId} />
        <FormField label="问题描述" error={errors.of('description')} count={lengthCount(description, 500)}>
          <Textarea
            className="petition-new__textarea"
            value={description}
            // Not cut at 500: the counter and the error say it is too long.
            maxlength={-1}
            onBlur={() => errors.touch('description')}
            placeholder="什么问题、从什么时候开始、影响到谁"
            placeholderClass="input-placeholder"
            onInput={(e) => setDescription(e.detail.value)}
          />
        </FormField>
        <FormField label="照片（可选，最多 6 张）" error={errors.of('photos')}>
          <PhotoPicker photos={photos} onChange={setPhotos} max={6} />
        </FormField>
        {atHome ? (
          <FormField label="问题地点" hint={`按${proxy.parent ? '老人' : '居民'}登记的楼栋，提交给所在网格的网格员`}>
            <Text className="petition-new__at-home">
              {proxy.parent ? '老人家' : `${proxy.picked?.name ?? '居民'}家 ${proxy.picked?.buildingName ?? ''}`.trim()}
            </Text>
          </FormField>
        ) : (
          <LocationField grids={grids} places={places} me={home} value={where} error={errors.of('location')} onChange={setPlace} />
        )}
        <FormField label="紧急程度">
          <ChoiceChips name="urgency" choices={urgencyChoices} value={urgency} onChange={setUrgency} />
        </FormField>
      </View>
      <View className="petition-new__actions">
        <ActionButton disabled={uploading || looking} busy={create.submitting} onClick={onSubmit}>
          {create.submitting ? '正在提交…' : uploading ? '图片上传中…' : looking ? '正在查找附近的同类问题…' : '提交'}
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default PetitionNewPage;
