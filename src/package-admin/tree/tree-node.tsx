import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { orgKindLabels, childKindOf } from '../../shared/domain/org-tree';
import { chinaDay } from '../parts/org-events';
import { ROOTS, type Level, type OrgNode } from './use-org-tree';

export interface TreeProps {
  levels: Record<string, Level>;
  open: ReadonlySet<string>;
  canManage: boolean;
  onToggle: (node: OrgNode) => void;
  onMore: (parentId: string, offset: number) => void;
  onRetire: (node: OrgNode) => void;
}

const go = (url: string) => void Taro.navigateTo({ url });

/**
 * One unit: its name and counts, tap to open; what may be done with it underneath. A community's 人口台账 is
 * offered to who may read it: an admin, or its own staff (for whom it is the top of the tree).
 */
function NodeRow({ node, parentName, root, props }: { node: OrgNode; parentName: string; root: boolean; props: TreeProps }) {
  const childKind = childKindOf[node.kind];
  const opened = props.open.has(node.id);
  const live = node.retired === null;
  const manage = props.canManage && live;
  return (
    <View className={`org-node org-node--${node.kind}${live ? '' : ' is-retired'}`} data-name={node.name}>
      <View className="org-node__main" onClick={() => (childKind ? props.onToggle(node) : go(`/package-admin/codes/index?buildingId=${node.id}`))}>
        <Text className="org-node__arrow">{childKind ? (opened ? '▾' : '▸') : '·'}</Text>
        <Text className="tag org-node__kind">{orgKindLabels[node.kind]}</Text>
        <Text className="org-node__name">{node.name}</Text>
      </View>
      <Text className="org-node__counts">{`居民 ${node.people} 人 · 未办结 ${node.openCases} 件`}</Text>
      {node.kind === 'building' && (node.entrances || node.address) && (
        <Text className="org-node__detail">{[node.entrances ? `${node.entrances} 个单元` : '', node.address ?? ''].filter(Boolean).join(' · ')}</Text>
      )}
      {node.retired && <Text className="org-node__retired">{`已于 ${chinaDay(node.retired.at)} 撤销：${node.retired.reason}`}</Text>}
      <View className="org-node__actions">
        {node.kind === 'community' && (props.canManage || root) && (
          <ActionButton kind="default" size="small" onClick={() => go(`/package-admin/roster/index?communityId=${node.id}`)}>
            人口台账
          </ActionButton>
        )}
        {node.kind === 'grid' && live && (
          <ActionButton kind="default" size="small" onClick={() => go(`/package-admin/codes/index?gridId=${node.id}`)}>
            打印楼栋码
          </ActionButton>
        )}
        {node.kind === 'building' && live && (
          <ActionButton kind="default" size="small" onClick={() => go(`/package-admin/codes/index?buildingId=${node.id}`)}>
            楼栋码
          </ActionButton>
        )}
        {manage && childKind && (
          <ActionButton
            kind="default"
            size="small"
            onClick={() => go(`/package-admin/unit/index?parentId=${node.id}&parentName=${encodeURIComponent(node.name)}&kind=${childKind}`)}
          >
            {`添加${orgKindLabels[childKind]}`}
          </ActionButton>
        )}
        {manage && (
          <ActionButton
            kind="default"
            size="small"
            onClick={() => go(`/package-admin/unit/index?id=${node.id}&parentName=${encodeURIComponent(parentName)}`)}
          >
            编辑
          </ActionButton>
        )}
        {manage && node.kind !== 'street' && (
          <ActionButton kind="warn" size="small" onClick={() => props.onRetire(node)}>
            撤销
          </ActionButton>
        )}
      </View>
      {opened && childKind && <Children parentId={node.id} parentName={node.name} kind={childKind} props={props} />}
    </View>
  );
}

/** A level as it loads: its units, 加载更多, or what to do when it is empty or failed. */
export function Children(args: { parentId: string; parentName: string; kind: OrgNode['kind'] | null; props: TreeProps }) {
  const { parentId, parentName, kind, props } = args;
  const level = props.levels[parentId];
  if (!level) return null;
  const label = kind ? orgKindLabels[kind] : '单元';
  return (
    <View className="org-level">
      {level.items.map((node) => (
        <NodeRow key={node.id} node={node} parentName={parentName} root={parentId === ROOTS} props={props} />
      ))}
      {level.state === 'ready' && level.items.length === 0 && (
        <Text className="org-level__note">{props.canManage ? `还没有${label}，点上方「添加${label}」新建。` : `还没有${label}。`}</Text>
      )}
      {level.state === 'loading' && <Text className="org-level__note">加载中…</Text>}
      {level.state === 'error' && (
        <View className="org-level__note is-error" onClick={() => props.onMore(parentId, level.items.length)}>
          <Text>{`${level.error?.message ?? '加载失败'}（点此重试）`}</Text>
        </View>
      )}
      {level.state === 'ready' && level.nextOffset !== null && (
        <View className="org-level__more" onClick={() => props.onMore(parentId, level.nextOffset!)}>
          <Text>加载更多</Text>
        </View>
      )}
    </View>
  );
}
