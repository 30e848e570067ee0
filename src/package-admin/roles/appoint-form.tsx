import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField, InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import type { Input, Output } from '../../shared/contract';
import { appointableRoles, type AppointableRole } from '../../shared/domain/appointment';
import { roleLabels } from '../../shared/domain/roles';
import { useAdminSubmit } from '../parts/admin-submit';
import { DoneCard } from '../parts/done-card';
import { PersonPicker, type Holder } from '../parts/person-picker';
import { UnitChips } from './place-picker';
import './index.scss';

type Reach = Output<'role.places'>;

/** The roles a street admin gives; a district admin also gives the district's (departments, district staff). */
const streetRoles: AppointableRole[] = ['grid_worker', 'staff', 'street_staff', 'supervisor', 'admin', 'owners_committee', 'property_rep'];
/** 三方议事's 业委会委员 and 物业代表 sit for a community, or for one 小区 of it. */
const isCouncil = (r: AppointableRole | '') => r === 'owners_committee' || r === 'property_rep';

/** 任免: pick a person, then appoint them (role, where, why) or remove a role they hold (why). */
export function AppointForm({ reach }: { reach: Reach }) {
  const grant = useAdminSubmit('role.grant');
  const revoke = useAdminSubmit('role.revoke');
  const district = reach.scope === 'district';
  const [person, setPerson] = useState<Holder | null>(null);
  const [role, setRole] = useState<AppointableRole | ''>('');
  const [streetId, setStreetId] = useState(reach.places.length === 1 ? reach.places[0].id : '');
  const [communityId, setCommunityId] = useState('');
  const [gridId, setGridId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [adminScope, setAdminScope] = useState<'street' | 'district'>('street');
  const [reason, setReason] = useState('');
  const [estate, setEstate] = useState('');
  // The answer shown is the last press's: a removal after an appointment says what the removal did.
  const [last, setLast] = useState<'grant' | 'revoke'>('grant');
  const lastSubmit = last === 'grant' ? grant : revoke;
  const roles = district ? appointableRoles : streetRoles;
  const held = person ? person.roles.filter((r): r is AppointableRole => (appointableRoles as readonly string[]).includes(r)) : [];
  const hasReason = reason.trim().length >= 2;
  const fieldErrors = { ...revoke.fieldErrors, ...grant.fieldErrors };

  /** Where the appointment is, as the payload names it; null while it is not chosen yet. */
  const where = (): Pick<Input<'role.grant'>, 'unitId' | 'departmentId' | 'adminScope' | 'estate'> | null => {
    const unit = (id: string) => (id ? { unitId: id } : null);
    if (role === 'grid_worker') return unit(gridId);
    if (role === 'staff') return unit(communityId);
    if (isCouncil(role)) return communityId ? { unitId: communityId, ...(estate.trim() ? { estate: estate.trim() } : {}) } : null;
    if (role === 'street_staff') return unit(streetId);
    if (role === 'admin') return adminScope === 'district' ? { adminScope } : streetId ? { unitId: streetId, adminScope } : null;
    // A 督办员 of the district is appointed to no street.
    if (role === 'supervisor') return district && adminScope === 'district' ? {} : unit(streetId);
    if (role === 'department_staff') return departmentId ? { departmentId } : null;
    if (role === 'district_staff') return {};
    return null;
  };
  const place = where();
  const ready = person !== null && role !== '' && place !== null && hasReason;
  /** A grid worker may work several grids: appointing one again adds a grid. */
  const addsGrid = ready && role === 'grid_worker' && held.includes('grid_worker');

  /** The person as the change left them: their roles, and a grid worker's grids (the entry names the grid changed). */
  const changed = (data: Output<'role.grant'>) => {
    const { entry } = data;
    const grids = (p: Holder) => {
      const kept = p.workGrids.filter((g) => data.person.workGridIds.includes(g.id));
      const added = data.person.workGridIds.filter((id) => !kept.some((g) => g.id === id)).map((id) => ({ id, name: entry.scope }));
      return [...kept, ...added];
    };
    setPerson((p) => (p && p.id === data.person.id ? { ...p, roles: data.person.roles, workGrids: grids(p) } : p));
    setRole('');
    setReason('');
    setEstate('');
  };
  // What a tap did is said at the top of the form, where the person is: bring it into view.
  const toTop = () => void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });

  async function onGrant() {
    if (!person || !role || !place) return;
    setLast('grant');
    const reply = await grant.run({ openid: person.id, role, reason: reason.trim(), ...place }, (data) => ({
      title: `已任命${data.entry.targetName}为${roleLabels[data.entry.role]}${data.entry.scope ? `（${data.entry.scope}）` : ''}`,
      detail: '已记入任免记录；对方重新打开小程序即可使用新的功能。',
    }));
    if (reply?.ok) changed(reply.data);
    if (reply) toTop();
  }

  /** Removes a role; for a grid worker, `unitId` removes one of their grids (the role goes with the last). */
  async function onRevoke(r: AppointableRole, unitId?: string) {
    if (!person || !hasReason) return;
    setLast('revoke');
    const reply = await revoke.run({ openid: person.id, role: r, reason: reason.trim(), ...(unitId ? { unitId } : {}) }, (data) => ({
      title: `已免去${data.entry.targetName}的${roleLabels[r]}职务${data.entry.scope ? `（${data.entry.scope}）` : ''}`,
      detail: '已记入任免记录。',
    }));
    if (reply?.ok) changed(reply.data);
    if (reply) toTop();
  }

  return (
    <View>
      <Text className="admin-intro">
        任命或免去网格员、社区和街道工作人员、督办员、管理员，以及三方议事的业委会委员、物业代表。每次任免都须写明原因，并留有记录。不能任免自己。
      </Text>
      <NoticeBanner failure={lastSubmit.failure} />
      <DoneCard done={lastSubmit.done} />
      <PersonPicker
        value={person}
        onChange={(p) => {
          setPerson(p);
          setRole('');
        }}
        error={fieldErrors.openid}
      />
      {person && held.length > 0 && (
        <FormField label="现任职务" hint={hasReason ? undefined : '免去职务前，请先在下方写明原因'}>
          {held.flatMap((r) =>
            // A grid worker holds one post per grid: each is removed on its own.
            r === 'grid_worker' && person.workGrids.length > 0
              ? person.workGrids.map((g) => (
                  <View key={`${r}-${g.id}`} className="role-held">
                    <Text className="role-held__name">
                      {roleLabels[r]} · {g.name || '网格'}
                    </Text>
                    <ActionButton kind="warn" size="small" disabled={!hasReason} busy={revoke.submitting} onClick={() => void onRevoke(r, g.id)}>
                      免去此网格
                    </ActionButton>
                  </View>
                ))
              : [
                  <View key={r} className="role-held">
                    <Text className="role-held__name">{roleLabels[r]}</Text>
                    <ActionButton kind="warn" size="small" disabled={!hasReason} busy={revoke.submitting} onClick={() => void onRevoke(r)}>
                      免去
                    </ActionButton>
                  </View>,
                ],
          )}
        </FormField>
      )}
      <FormField label="任命为" error={fieldErrors.role}>
        <ChoiceChips name="role" choices={roles.map((r) => ({ value: r, label: roleLabels[r] }))} value={role} onChange={setRole} />
      </FormField>
      {(role === 'admin' || role === 'supervisor') && district && (
        <FormField label={role === 'supervisor' ? '督办范围' : '管理范围'} error={fieldErrors.adminScope}>
          <ChoiceChips
            choices={[
              { value: 'street', label: '一个街道' },
              { value: 'district', label: '全区' },
            ]}
            value={adminScope}
            onChange={setAdminScope}
          />
        </FormField>
      )}
      {(role === 'grid_worker' ||
        role === 'staff' ||
        isCouncil(role) ||
        role === 'street_staff' ||
        ((role === 'admin' || role === 'supervisor') && adminScope === 'street')) &&
        reach.places.length > 1 && (
          <FormField label="街道" error={fieldErrors.unitId}>
            <ChoiceChips name="street" choices={reach.places.map((u) => ({ value: u.id, label: u.name }))} value={streetId} onChange={setStreetId} />
          </FormField>
        )}
      {(role === 'grid_worker' || role === 'staff' || isCouncil(role)) && streetId && (
        <UnitChips
          label="社区"
          parentId={streetId}
          value={communityId}
          onChange={setCommunityId}
          error={role === 'grid_worker' ? undefined : fieldErrors.unitId}
        />
      )}
      {isCouncil(role) && communityId && (
        <InputField
          label="小区（可不填）"
          error={fieldErrors.estate}
          hint="只代表社区内一个小区时填写小区名称；不填即代表整个社区"
          value={estate}
          maxlength={20}
          placeholder="例如：梧桐苑"
          onChange={setEstate}
        />
      )}
      {role === 'grid_worker' && communityId && (
        <UnitChips label="网格" parentId={communityId} value={gridId} onChange={setGridId} error={fieldErrors.unitId} />
      )}
      {role === 'department_staff' && (
        <FormField label="职能部门" error={fieldErrors.departmentId}>
          <ChoiceChips choices={reach.departments.map((d) => ({ value: d.id, label: d.name }))} value={departmentId} onChange={setDepartmentId} />
        </FormField>
      )}
      <InputField
        label="任免原因"
        error={fieldErrors.reason}
        hint="2–100 字，记入任免记录"
        value={reason}
        maxlength={100}
        placeholder="例如：社区换届，经街道研究任命"
        onChange={setReason}
      />
      <View className="admin-actions">
        <ActionButton disabled={!ready} busy={grant.submitting} onClick={() => void onGrant()}>
          {addsGrid ? '确认增加所管网格' : ready && role ? `确认任命为${roleLabels[role]}` : '确认任命'}
        </ActionButton>
      </View>
    </View>
  );
}
